from consultnlp.cli import main

main()

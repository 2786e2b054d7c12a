"""Commitment themes: taxonomy checks, zero-shot tagging, supervised classifiers and their evaluation.

- ``validate``: line-aware checks of a YAML or CSV taxonomy (``consultnlp themes validate``).
- ``codebook``: the calibrated lexical + semantic match of comments and theme texts (fitted on ArgKP-2021).
- ``zeroshot``: tagging against a codebook of any size: that match, plus keywords that pass a sense check.
- ``classifier``: train, save, load and apply a supervised theme classifier.
- ``evaluate``: accuracy, F1 and confusions of a classifier on labelled data.
"""

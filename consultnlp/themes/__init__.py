"""Commitment themes: taxonomy checks, zero-shot tagging, supervised classifiers and their evaluation.

- ``validate``: line-aware checks of a YAML or CSV taxonomy (``consultnlp themes validate``).
- ``zeroshot``: keyword matching plus embedding similarity to theme descriptions.
- ``classifier``: train, save, load and apply a supervised theme classifier.
- ``evaluate``: accuracy, F1 and confusions of a classifier on labelled data.
"""

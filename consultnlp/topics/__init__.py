"""Topic modelling: fit and assign (``model``), keywords and labels (``labels``), the cross-lingual
keyword channel (``features``), quality measures (``metrics``), grid tuning (``tune``), the
analyst's review file (``review``) and saved models (``model_store``).

The pipeline stage that uses them is :mod:`consultnlp.stages.topics`.
"""

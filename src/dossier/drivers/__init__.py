"""Drivers: the code that moves data between the stages and the store.

The stages (``ingest/``, ``extract/``) turn inputs into records and never touch the store;
``store/`` keeps records and never runs a stage. A driver reads from one and writes to the
other: ``ingest`` (files -> documents -> store), ``annotate`` (stored documents -> the pipeline
-> facts -> store), each writing through the store's one transaction per batch or document.
"""

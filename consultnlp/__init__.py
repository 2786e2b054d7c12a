"""consultnlp: turn public-consultation contributions into findings a government can publish, offline."""

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "load_run"]


def __getattr__(name: str):
    # ``from consultnlp import analyze, load_run``, imported on first use so that ``import consultnlp`` stays light.
    if name in ("analyze", "load_run", "Run"):
        from consultnlp import api

        return getattr(api, name)
    raise AttributeError(f"module 'consultnlp' has no attribute {name!r}")

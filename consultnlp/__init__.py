"""consultnlp: turn public-consultation contributions into findings a government can publish, offline."""

__version__ = "0.1.0"

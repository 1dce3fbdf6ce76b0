"""HTTP routes, one module per resource; ``ROUTERS`` is the list main.py registers."""

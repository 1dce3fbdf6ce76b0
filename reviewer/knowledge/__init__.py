"""Legal knowledge shipped as data: the law catalog (laws), renamed agencies (agencies), abolished systems
(systems), the statutory-number table (numbers), plus the optional local law library (library).

See docs/knowledge.md. Modules load their data lazily, once per process.
"""

"""The review service: FastAPI app, database, jobs and the Chinese web UI over the ``reviewer`` library."""

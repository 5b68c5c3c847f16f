"""PDF dossiers and evidence packages: plain input (`model`), ru/en strings, reportlab build.

Nothing here knows the database: services assemble a `DossierData` and hand it over.
"""

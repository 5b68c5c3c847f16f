"""The dossier feature: the PDF dossier, the evidence package and their sources."""

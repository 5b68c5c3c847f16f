"""Casebook: an investigation workstation for courier-customer personal data incidents."""

__version__ = "0.1.0"
APP_NAME = "Casebook"
APP_ID = "casebook"
ORG_NAME = "Casebook"

"""The Messages tab (issue 13): chats as bubbles, filters, findings, import, dossier marks."""

"""The call log tab of a case: import dialog, call table, numbers, findings and charts."""

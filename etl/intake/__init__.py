"""Reading and checking HR's exports: the contract's tables, their headers and rules, the rejected rows."""

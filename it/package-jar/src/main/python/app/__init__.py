"""Example package compiled by the README's first command."""

"""tnprep: a trigeminal neuralgia patient's records, turned into one page for the neurologist."""

__version__ = "0.1.0"

"""Build one strict intranet site per audience from a single social media policy source.

Importing the package itself stays free of third-party imports, so that the bootstrap
(`policy_sites.bootstrap`) can run on a bare Python before anything is installed.
"""

"""Downloads generated from the policy source: the response scheme (on the site and as a flowchart),
the policy on one A4, the full policy as PDF and Word, and questions for a team meeting.

Each module does one thing; generate.py lists the files and makes them through the cache, and
policy_sites/downloads_hook.py connects it all to MkDocs.
"""

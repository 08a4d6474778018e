"""Afterview: a playbook for the days after a job interview.

Data flows one way::

    discover ─► loader ─► schema ─► model ─► rules ─► findings ─► reports / pages
    (files)     (YAML)    (valid?)  (Interview) (Hits)  (Finding)   (text, JSON, site)

``records.read_records`` runs that flow for a set of paths (no printing, no
exits) and is the one way every command and the site plugin get records.
Around it:

- ``clock`` (the reference time and settings), ``deadlines`` (when each step
  falls due) and ``progress`` (each playbook question answered once: is it
  upcoming, who is owed a note, the stage) are what rules, agenda, pages and
  drafts ask;
- ``agenda`` turns deadlines into open actions; ``calendar``, the Markdown
  agenda and ``notify`` present them;
- ``pages`` renders the site's Markdown (plain Python, shared by the MkDocs
  plugin in ``site`` and by ``afterview render``); ``pages.markup`` is its one
  escaping boundary; ``redact`` is its one redaction (applying it to records
  and outputs), ``redaction`` what it matches (folding, emails and phones,
  names, a broken record's people, the scrubber);
- ``site_settings`` reads the site's ``mkdocs.yml`` as settings (``notify``
  links to the site through it, never through the plugin);
- ``invite`` reads a calendar invite for ``new --from-ics``, one module per
  job: ``events`` (reading), ``names``, ``people`` (interviewer or contact),
  ``meeting`` (link, format, location), ``guess`` (company, role, round),
  ``listing``, ``facts``;
- ``cli`` is the Click group; each command is a module in ``commands``.

Where a new thing goes:

- a rule: a function decorated with ``rules.base.rule`` in the family module
  of ``rules/`` (its docstring is its documentation, shown by ``afterview
  rules`` and on the checks pages);
- a question about an interview's progress: ``progress``;
- an output format for ``check``: a function of ``reports.Report`` registered
  in ``reports.REPORTERS``;
- a page: a module in ``pages/`` returning ``pages.markup.Md``, listed in
  ``pages.build_pages``;
- a command: ``commands/<name>.py`` exposing ``command``, one line in
  ``cli.COMMANDS``; it gets records from ``cli.records_for_command``.
- a change to name, email or phone matching: ``redaction/names.py`` or
  ``redaction/contacts.py`` (with a case in ``tests/test_redact_classes.py``).
"""

__version__ = "0.1.0"

"""The paths for writers and forks: the variant scaffold, the variables reference, the module
template and the pull-request checks. Each promise is tested with a twin that shows the test can fail."""
from __future__ import annotations

import re
import shutil

import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
import yaml

from conftest import REPO, SLOW, built_pages, mini_docs, run_cli, write_project
from policy_sites import modules as module_source
from policy_sites import navigation
from policy_sites import template_check, variables_reference, writer_helpers
from policy_sites.policy_check import check_variant
from policy_sites.project import Project
from policy_sites.schema import load_schema, resolve_ref
from policy_sites.registry import load as load_registry
from policy_sites.variants import load_variant, variables_schema

TEMPLATE = REPO / "sjablonen" / "module.md"
TEMPLATE_TITLE = "Titel van je nieuwe pagina"
WORKFLOW = REPO / ".github" / "workflows" / "controle.yml"


def schema_paths(node: dict, root: dict, prefix: str = "") -> list[str]:
    """Every variable in the schema as a writer names it, `[]` for the items of a list.

    Written here again on purpose, apart from variables_reference, so the two can disagree.
    """
    paths = []
    for key, spec in node.get("properties", {}).items():
        spec, path = resolve_ref(spec, root), f"{prefix}.{key}" if prefix else key
        paths.append(path)
        items = resolve_ref(spec.get("items", {}), root)
        paths += schema_paths(spec, root, path) + (schema_paths(items, root, f"{path}[]") if "properties" in items else [])
    return paths


# The schema as the build checks it: with the kinds of organisation and the words of this project.
SCHEMA = variables_schema(load_registry(Project(REPO)))
VARIABLES = schema_paths(SCHEMA, SCHEMA)


# --- The scaffold: a new variant in one command ---------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return write_project(tmp_path / "project")


def uncomment(text: str, times: int = 1) -> str:
    """Remove `# ` in front of every line under `variabelen:`, as a writer would; `times` over."""
    head, body = text.split("\nvariabelen:\n", 1)
    for _ in range(times):
        body = re.sub(r"^(\s*)# ", r"\1", body, flags=re.M)
    return f"{head}\nvariabelen:\n{body}"


def yaml_paths(value, prefix: str = "") -> set[str]:
    """Every key in parsed YAML as a dotted path, `[]` for the items of a list."""
    found = set()
    if isinstance(value, dict):
        for key, sub in value.items():
            path = f"{prefix}.{key}" if prefix else key
            found |= {path} | yaml_paths(sub, path)
    elif isinstance(value, list):
        for item in value:
            found |= yaml_paths(item, f"{prefix}[]")
    return found


def test_scaffolded_variant_builds_at_once(project):
    made = run_cli(project, "--nieuw", "zorg-oost", "--doelgroep", "zorg")
    assert made.returncode == 0, made.stderr
    assert "variants/zorg-oost.yml gemaakt." in made.stdout

    built = run_cli(project, "zorg-oost", "--zonder-downloads")   # the test reads only HTML

    assert built.returncode == 0, built.stdout + built.stderr
    start = (project / "site" / "zorg-oost" / "index.html").read_text(encoding="utf-8")
    assert f"Socialemediabeleid voor {Project(project).audiences()['zorg']}" in start
    assert built_pages(project / "site" / "zorg-oost") == {
        m.src for m in check_variant(Project(project), "zorg-oost").included}


def test_a_wrong_value_uncommented_in_a_scaffolded_variant_stops_the_build_at_its_line(project):
    run_cli(project, "--nieuw", "zorg-oost", "--doelgroep", "zorg")
    file = project / "variants" / "zorg-oost.yml"
    text = file.read_text(encoding="utf-8")
    text = re.sub(r"^  #   soort: \S+", "    soort: de-gemeente", text.replace("  # organisatie:", "  organisatie:", 1),
                  count=1, flags=re.M)
    file.write_text(text, encoding="utf-8")

    built = run_cli(project, "zorg-oost", "--zonder-downloads")

    assert built.returncode == 1
    line = text.splitlines().index(next(l for l in text.splitlines() if "soort: de-gemeente" in l)) + 1
    assert (f"variants/zorg-oost.yml:{line}: `organisatie.soort` heeft de waarde `de-gemeente`, maar moet een van "
            "deze zijn: ") in built.stderr


def test_uncommenting_every_variable_of_a_scaffolded_variant_gives_the_organisations_values(project):
    assert run_cli(project, "--nieuw", "nieuw", "--doelgroep", "medewerkers").returncode == 0
    file = project / "variants" / "nieuw.yml"
    file.write_text(uncomment(file.read_text(encoding="utf-8")), encoding="utf-8")

    variant = load_variant(Project(project), "nieuw")

    assert yaml.safe_load(file.read_text(encoding="utf-8"))["variabelen"], "nothing was uncommented"
    assert variant.variables == load_variant(Project(project), "medewerkers").variables


def test_a_scaffolded_variant_lists_every_variable_of_the_schema(project):
    assert run_cli(project, "--nieuw", "nieuw", "--doelgroep", "medewerkers").returncode == 0
    text = (project / "variants" / "nieuw.yml").read_text(encoding="utf-8")
    # Twice: a variable without a value in organisatie.yml is commented out twice.
    listed = yaml.safe_load(uncomment(text, times=2))["variabelen"]
    assert yaml_paths(listed) == set(VARIABLES)


def test_a_scaffold_that_leaves_out_a_variable_is_caught(project):
    assert run_cli(project, "--nieuw", "nieuw", "--doelgroep", "medewerkers").returncode == 0
    text = (project / "variants" / "nieuw.yml").read_text(encoding="utf-8")
    shortened = "\n".join(l for l in text.splitlines() if not l.startswith("  #   sector:"))
    assert yaml_paths(yaml.safe_load(uncomment(shortened, times=2))["variabelen"]) == set(VARIABLES) - {"organisatie.sector"}


def test_scaffold_refuses_an_existing_variant_and_leaves_it_untouched(project):
    before = (project / "variants" / "zorg.yml").read_text(encoding="utf-8")

    result = run_cli(project, "--nieuw", "zorg", "--doelgroep", "zorg")

    assert result.returncode == 2
    assert "variants/zorg.yml: deze variant bestaat al; de opdracht overschrijft nooit een bestaand bestand." in result.stderr
    assert (project / "variants" / "zorg.yml").read_text(encoding="utf-8") == before


def test_scaffold_refuses_an_unknown_audience_with_a_suggestion(project):
    result = run_cli(project, "--nieuw", "zorg-oost", "--doelgroep", "zorgg")

    assert result.returncode == 2
    assert ("doelgroepen.yml: `zorgg` is geen bekende doelgroep. Bedoelde je `zorg`? Kies met `--doelgroep` "
            "een van deze: ambassadeurs, communicatie, medewerkers, politie, zorg.") in result.stderr
    assert not (project / "variants" / "zorg-oost.yml").exists()


def test_scaffold_takes_the_audience_from_the_name_only_when_the_name_is_an_audience(project):
    (project / "variants" / "politie.yml").unlink()
    assert run_cli(project, "--nieuw", "politie").returncode == 0
    assert yaml.safe_load((project / "variants" / "politie.yml").read_text(encoding="utf-8"))["doelgroep"] == "politie"

    refused = run_cli(project, "--nieuw", "politie-west")

    assert refused.returncode == 2
    assert "voor welke doelgroep is de site `politie-west`? Geef ze mee met `--doelgroep`" in refused.stderr
    assert not (project / "variants" / "politie-west.yml").exists()


def test_scaffold_refuses_a_name_that_cannot_be_a_folder(project):
    before = sorted((project / "variants").iterdir())
    result = run_cli(project, "--nieuw", "Zorg Oost", "--doelgroep", "zorg")
    assert result.returncode == 2
    assert "`Zorg Oost` kan geen naam van een variant zijn." in result.stderr
    assert sorted((project / "variants").iterdir()) == before


# --- The variables reference -------------------------------------------------------------------------

def reference_rows(text: str) -> list[str]:
    """The variable named in the first cell of every table row of VARIABELEN.md."""
    return re.findall(r"^\| `([^`]+)` \|", text, re.M)


def test_variables_reference_lists_exactly_the_schemas_variables():
    rows = reference_rows((REPO / variables_reference.FILE_NAME).read_text(encoding="utf-8"))
    assert rows == VARIABLES


def test_a_reference_without_one_variable_is_caught():
    text = (REPO / variables_reference.FILE_NAME).read_text(encoding="utf-8")
    shortened = "\n".join(l for l in text.splitlines() if not l.startswith("| `organisatie.land` |"))
    assert sorted(reference_rows(shortened)) != sorted(VARIABLES)


def test_the_committed_variables_reference_is_up_to_date():
    assert variables_reference.is_current(Project(REPO)), (
        "VARIABELEN.md is verouderd. Maak het opnieuw met `python3 build_variants.py --variabelen`.")


def test_a_changed_organisation_makes_the_reference_stale_until_it_is_written_again(project):
    assert run_cli(project, "--variabelen").returncode == 0   # the committed file has its own test above
    assert run_cli(project, "--variabelen", "--controleer").returncode == 0
    organisation = project / "organisatie.yml"
    organisation.write_text(re.sub(r"^  sector: .*$", "  sector: stad", organisation.read_text(encoding="utf-8"),
                                   count=1, flags=re.M), encoding="utf-8")

    stale = run_cli(project, "--variabelen", "--controleer")
    assert stale.returncode == 1
    assert "VARIABELEN.md is verouderd" in stale.stderr and variables_reference.COMMAND in stale.stderr

    assert run_cli(project, "--variabelen").returncode == 0
    assert run_cli(project, "--variabelen", "--controleer").returncode == 0
    assert "| `organisatie.sector` | tekst | ja | `stad` |" in (project / "VARIABELEN.md").read_text(encoding="utf-8")


def test_every_variable_in_the_reference_says_what_it_is_for():
    found = variables_reference.variables(SCHEMA, {})
    assert [v.path for v in found if not v.meaning.strip()] == []
    assert [v.path for v in found] == VARIABLES


def test_the_reference_documents_every_name_a_module_can_use_besides_the_variables():
    text = (REPO / variables_reference.FILE_NAME).read_text(encoding="utf-8")
    own_filters = writer_helpers.FILTER_NAMES - set(jinja2.filters.FILTERS)
    assert section_names(text) == set(writer_helpers.SITE_NAMES) | set(writer_helpers.HELPERS) | own_filters


def test_a_reference_without_a_helper_is_caught():
    text = (REPO / variables_reference.FILE_NAME).read_text(encoding="utf-8")
    shortened = "\n".join(l for l in text.splitlines() if not l.startswith("- `contact()`"))
    assert "contact" in section_names(text) and "contact" not in section_names(shortened)


def section_names(text: str) -> set[str]:
    """The names listed under "Ook op elke site" in VARIABELEN.md: `naam`, `naam()` or filter `naam`."""
    section = text.split("## Ook op elke site", 1)[1]
    return set(re.findall(r"^- (?:filter )?`(\w+)(?:\(\))?`:", section, re.M))


# --- The module template ------------------------------------------------------------------------------

def test_the_module_template_has_valid_front_matter_and_jinja(project):
    copy = project / "docs" / "basis" / "titel-van-je-nieuwe-pagina.md"
    shutil.copy(TEMPLATE, copy)
    module = module_source.read(Project(project), copy)
    vocabulary = template_check.Vocabulary(
        schema=load_schema("variabelen"), audiences=frozenset(Project(project).audiences()),
        helpers=writer_helpers.HELPERS, site_names=frozenset(writer_helpers.SITE_NAMES),
        filters=writer_helpers.FILTER_NAMES)

    assert module.meta["title"] == TEMPLATE_TITLE
    copied = Project(project)
    schema = module_source.front_matter_schema(copied.audiences(), navigation.groups(navigation.menu_entries(copied)[0]))
    assert module_source.check_front_matter(module, schema) == []
    assert template_check.check(module, vocabulary) == []


@SLOW
def test_the_module_template_is_never_published_on_any_site(real_sites):
    assert TEMPLATE.exists()
    for path in real_sites.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            assert TEMPLATE_TITLE not in path.read_text(encoding="utf-8", errors="ignore"), path
    assert not Project(REPO).docs_dir.joinpath("sjablonen").exists()


def test_the_module_template_would_be_published_if_it_were_copied_into_docs(tmp_path):
    """The twin: the template is a real page, so only its place outside docs/ keeps it off the sites."""
    docs = mini_docs()
    docs["titel-van-je-nieuwe-pagina.md"] = TEMPLATE.read_text(encoding="utf-8")
    project = write_project(tmp_path / "project", docs)

    result = run_cli(project, "medewerkers", "--zonder-downloads")

    assert result.returncode == 0, result.stdout + result.stderr
    page = project / "site" / "medewerkers" / "titel-van-je-nieuwe-pagina" / "index.html"
    assert TEMPLATE_TITLE in page.read_text(encoding="utf-8")


# --- The pull-request checks ----------------------------------------------------------------------------

def readme_commands() -> list[str]:
    """The commands in the README's "Two commands" block, without their comments."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands.*?```sh\n(.*?)```", readme, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.split("#", 1)[0].strip()]


def workflow_commands(workflow: dict) -> list[str]:
    return [step["run"].strip() for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def load_workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def schema_errors(path: Path) -> str:
    """What check-jsonschema says of a workflow against the GitHub-workflow schema it ships (no network)."""
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(path)],
                            capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def test_the_workflow_is_valid_for_github():
    assert schema_errors(WORKFLOW) == ""
    assert "pull_request" in load_workflow()[True]   # PyYAML reads the key `on` as true


def test_a_workflow_step_that_both_runs_and_uses_is_caught(tmp_path):
    broken = tmp_path / "controle.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    step = "        uses: actions/checkout@v4\n"
    assert step in text
    broken.write_text(text.replace(step, step + "        run: echo\n", 1), encoding="utf-8")
    assert "is not valid" in schema_errors(broken)


def unnamed(workflow: dict) -> list[str]:
    """Jobs and steps without a name: a writer sees the names on the pull request, so each has one."""
    missing = [job_id for job_id, job in workflow["jobs"].items() if not job.get("name")]
    return missing + [f"{job_id}[{i}]" for job_id, job in workflow["jobs"].items()
                      for i, step in enumerate(job["steps"]) if not step.get("name")]


def test_every_job_and_step_of_the_workflow_has_a_name():
    assert unnamed(load_workflow()) == []


def test_a_step_without_a_name_is_caught():
    workflow = load_workflow()
    del workflow["jobs"]["testen"]["steps"][0]["name"]
    assert unnamed(workflow) == ["testen[0]"]


def test_the_workflow_runs_the_same_commands_as_the_readme():
    assert readme_commands() == ["python3 build_variants.py", "python3 run_tests.py"]
    assert set(readme_commands()) <= set(workflow_commands(load_workflow()))


def test_a_workflow_that_skips_a_readme_command_is_caught():
    workflow = load_workflow()
    for job in workflow["jobs"].values():
        job["steps"] = [s for s in job["steps"] if s.get("run") != "python3 run_tests.py"]
    assert not set(readme_commands()) <= set(workflow_commands(workflow))


def test_the_workflow_keeps_the_built_sites_and_screenshots_as_artifacts():
    uploads = {step["with"]["name"]: step["with"]["path"] for job in load_workflow()["jobs"].values()
               for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"sites": "site/", "schermafbeeldingen": "test-screenshots/"}


def test_the_workflow_makes_the_screenshots_with_a_script_that_exists():
    scripts = [command.split()[1] for command in workflow_commands(load_workflow()) if command.startswith("python3 tests/")]
    assert scripts == ["tests/schermafbeeldingen.py"]
    assert (REPO / scripts[0]).is_file()


# --- The guide ------------------------------------------------------------------------------------------

def front_matter_table(guide: str) -> set[str]:
    """The keys in the first column of the table in the guide's front matter section."""
    section = re.search(r"^## De front matter.*?(?=^## )", guide, re.M | re.S).group(0)
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))


def test_the_writers_guide_explains_every_front_matter_key_in_its_table():
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert front_matter_table(guide) == set(load_schema("module")["properties"])


def test_a_guide_whose_table_misses_a_key_is_caught():
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shortened = "\n".join(l for l in guide.splitlines() if not l.startswith("| `herzien_na_maanden` |"))
    assert front_matter_table(shortened) != set(load_schema("module")["properties"])

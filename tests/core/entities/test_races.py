"""Races between processes that tag and merge the same entities: each edit is planned from
a read and applied in its own write transaction, so another process's commit can fall in
between. The outcome must be the same as if they had run one after the other: one entity
per name and type, every mention on the entity that survived a merge."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import MergeEntities
from evidence_desk.core.db.models import Entity, Mention
from evidence_desk.core.entities.manage import add_entity
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.importing import import_paths
from tests.core.pdfs import write_text_pdf

REPO = Path(__file__).resolve().parents[3]


def _case(case_dir: Path, tmp_path: Path) -> Case:
    write_text_pdf(tmp_path / "a.pdf", ["Kirill O. Garbuz met Dmitri Volkov in Minsk.", "Garbuz signed."])
    case = Case.open(case_dir, create=True)
    import_paths(case, [tmp_path / "a.pdf"])
    return case


def test_two_tags_planned_before_either_commits_create_one_entity(case_dir: Path, tmp_path: Path) -> None:
    with _case(case_dir, tmp_path) as case:
        first = tag_edit(case, 1, 1, "Kirill O. Garbuz", "person", quote="Kirill O. Garbuz")
        second = tag_edit(case, 1, 2, "Kirill O. Garbuz", "person", quote="Garbuz")
        case.apply(first)
        case.apply(second)
        with case.read() as s:
            entities = s.execute(select(Entity.id).where(Entity.name == "Kirill O. Garbuz")).scalars().all()
            mentions = s.execute(select(Mention.entity_id)).scalars().all()
        assert len(entities) == 1
        assert mentions == [entities[0], entities[0]]


def test_a_tag_committed_while_a_merge_was_planned_ends_on_the_survivor(case_dir: Path, tmp_path: Path) -> None:
    with _case(case_dir, tmp_path) as case:
        keep = add_entity(case, "Kirill O. Garbuz", "person")
        other = add_entity(case, "K. Garbuz", "person")
        merge = MergeEntities(keep, other)  # planned...
        case.apply(tag_edit(case, 1, 1, "K. Garbuz", "person", quote="Garbuz"))  # ...a tag lands...
        case.apply(merge)  # ...then the merge commits
        with case.read() as s:
            assert s.execute(select(Mention.entity_id)).scalars().all() == [keep]


def test_a_tag_planned_before_a_merge_committed_ends_on_the_survivor(case_dir: Path, tmp_path: Path) -> None:
    with _case(case_dir, tmp_path) as case:
        keep = add_entity(case, "Kirill O. Garbuz", "person")
        other = add_entity(case, "K. Garbuz", "person")
        tag = tag_edit(case, 1, 1, "K. Garbuz", "person", quote="Garbuz")  # planned on `other`...
        case.apply(MergeEntities(keep, other))  # ...the merge commits...
        case.apply(tag)  # ...then the tag
        with case.read() as s:
            assert s.execute(select(Mention.entity_id)).scalars().all() == [keep]


def test_two_processes_tagging_the_same_new_entity_make_one(case_dir: Path, tmp_path: Path) -> None:
    case = _case(case_dir, tmp_path)
    case.close()
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop")}
    for round_ in range(3):
        name = f"Dmitri Volkov {round_}"
        procs = [subprocess.Popen([sys.executable, "-m", "evidence_desk", "--case", str(case.path), "tag", "1",
                                   "--page", "1", "--text", "Dmitri Volkov", "--entity", name,
                                   "--type", "person"], env=env, cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        with Case.open(case.path) as again, again.read() as s:
            assert len(s.execute(select(Entity.id).where(Entity.name == name)).scalars().all()) == 1

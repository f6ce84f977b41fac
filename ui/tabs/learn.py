"""The Learn tab: the hub's learning paths, one opened as its milestones with the entries that teach
them, and the milestones a learner marks done: kept with a signed-in mentor's account on the server
(ui/progress_store.py), in the browser (localStorage) for anyone else, across reloads either way.

Every view is drawn by one function from three values: the path last opened and the progress the
browser keeps (ui/learn_progress.py), and the session the Review tab signs in (ui/mentor_session.py);
the user's clicks only change those values. On sign-in, the browser's marks move into the account.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import cached_property, lru_cache

import gradio as gr

from assistant.cite import Citation
from assistant.markdown import clean_html
from assistant.paths import LearningPath, PathStep, learning_path, path_ids, teaching_passages
from assistant.search import Searcher
from ui import render
from ui.database import DatabaseTarget
from ui.html import markdown_html
from ui.learn_progress import LearnProgress
from ui.mentor_session import MentorGate, MentorSession, SignInRefused
from ui.progress_store import ProgressStore
from ui.services import Services

PROGRESS_KEY = "khub-learn-progress"  # localStorage keys
OPENED_KEY = "khub-learn-opened"
# gr.BrowserState encrypts what it stores with this key; a random one (its default) would change with
# every server start and lose everyone's progress. Milestones done are no secret.
STORAGE_SECRET = "khub-learning-progress"
LEARN_ATTRIBUTES = {"*": {"class"}, "div": {"data-path-id", "data-milestone"}}


class SnapshotPaths:
    """The learning paths of one index snapshot, each read once: a snapshot never changes, so what was
    read from it stays right for as long as the app serves it."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.opened: Callable[[str], LearningPath | None] = lru_cache(maxsize=32)(
            lambda path_id: learning_path(searcher, path_id))
        self.cards: Callable[[PathStep], str] = lru_cache(maxsize=512)(lambda step: _cards(searcher, step))

    @cached_property
    def outlines(self) -> list[LearningPath]:
        """Every path with its milestones (without their entries), by id."""
        found = (learning_path(self.searcher, path_id, per_milestone=0) for path_id in path_ids(self.searcher))
        return [path for path in found if path]


class ServedPaths:
    """The paths of the snapshot the app serves now: read anew once the app swaps onto a newer one
    (ui/live.py), so the Learn tab shows what search finds."""

    def __init__(self, services: Services):
        self.services = services
        self._held: SnapshotPaths | None = None

    def now(self) -> SnapshotPaths:
        searcher = self.services.searcher  # at call time: the app may have swapped snapshots since
        held = self._held
        if held is None or held.searcher is not searcher:
            held = self._held = SnapshotPaths(searcher)  # the older snapshot's reads go with it
        return held


class KeptProgress:
    """Where a learner's marks are kept: with the account of a session that still holds (the review
    desk's sign-in), else in the browser (None here)."""

    def __init__(self, gate: MentorGate | None, database: DatabaseTarget):
        self.gate = gate
        self.store = ProgressStore(database) if gate is not None else None  # no mentors, no accounts

    def account(self, session: MentorSession | None) -> str | None:
        """The signed-in account, or None: signed out, or a session that ended or whose account was removed."""
        if self.gate is None or session is None:
            return None
        try:
            return self.gate.check(session)
        except SignInRefused:
            return None

    def whose(self, account: str | None, session: MentorSession | None) -> str:
        """The line saying where the marks shown are kept."""
        if account is not None:
            return f"Your progress is saved to your account, **{render.safe_markdown(account)}**."
        if session is not None:
            return ("Your progress is saved in this browser: your sign-in has ended. Sign in again on the Review "
                    "tab and the marks made here join your account.")
        return "Your progress is saved in this browser." + (
            " Mentors: sign in on the Review tab to keep it with your account, in any browser."
            if self.gate is not None else "")


def learn_tab(services: Services, session: gr.State) -> None:
    """The tab; ``session`` is the app's one sign-in state (a MentorSession or None), set by the Review tab."""
    served, kept = ServedPaths(services), KeptProgress(services.mentors, services.reviews.path)
    gr.Markdown("## Learning paths\nRoadmaps from the hub, milestone by milestone, each with the archive "
                "entries that teach it. Mark the milestones you have done.", elem_id="khub-learn-intro")
    whose = gr.Markdown(elem_id="khub-learn-whose")
    paths_list = gr.HTML(elem_id="khub-learn-paths")
    chosen = gr.Radio([], label="Open a path", elem_id="khub-learn-open")
    title = gr.Markdown(elem_id="khub-learn-title")
    progress_line = gr.Markdown(elem_id="khub-learn-progress")
    done = gr.CheckboxGroup([], label="Milestones done", visible=False, interactive=True,  # clicks are read by
                            elem_id="khub-learn-done")  # its select event, so it is no event's input
    steps_view = gr.HTML(elem_id="khub-learn-milestones")
    opened = gr.BrowserState("", storage_key=OPENED_KEY, secret=STORAGE_SECRET)
    stored = gr.BrowserState([], storage_key=PROGRESS_KEY, secret=STORAGE_SECRET)
    shown = [stored, whose, paths_list, chosen, title, progress_line, done, steps_view]

    def show(path_id: str, stored_value, signed_in):
        account, browser = kept.account(signed_in), LearnProgress.from_stored(stored_value)
        if account is None or kept.store is None:
            return gr.skip(), kept.whose(None, signed_in), *_view(served.now(), path_id, browser)
        # The browser's marks move into the account (emptied here, so a milestone unmarked while signed in
        # does not come back from this browser at the next sign-in).
        progress = kept.store.merge(account, browser) if browser.done else kept.store.progress(account)
        emptied = [] if browser.done else gr.skip()
        return emptied, kept.whose(account, signed_in), *_view(served.now(), path_id, progress)

    def mark(path_id: str, stored_value, signed_in, event: gr.SelectData):
        if not path_id:
            raise gr.Error("Open a path first, then mark its milestones.")
        n, is_done = int(event.value), bool(event.selected)
        account = kept.account(signed_in)
        if account is None or kept.store is None:  # the new browser value redraws the view (below)
            return LearnProgress.from_stored(stored_value).with_mark(path_id, n, is_done).stored(), *[gr.skip()] * 7
        # One milestone at a time, so a view left open in another browser cannot undo marks made since.
        (kept.store.mark if is_done else kept.store.unmark)(account, path_id, n)
        return show(path_id, stored_value, signed_in)

    # No triggers: on page load (with what the browser kept) and on every change of the three values:
    # session.change is a sign-in or sign-out on the Review tab.
    gr.on(None, show, [opened, stored, session], shown, api_visibility="private", trigger_mode="always_last",
          show_progress="hidden")
    chosen.input(lambda path_id: path_id or "", chosen, opened, api_visibility="private")
    done.select(mark, [opened, stored, session], shown, api_visibility="private", show_progress="hidden")


def _view(paths: SnapshotPaths, path_id: str, progress: LearnProgress) -> tuple:
    """The paths list, the path chooser, and the opened path (title, progress, marks, milestones)."""
    outlines = paths.outlines
    choices = [(path.title, path.path_id) for path in outlines]
    path = paths.opened(path_id) if path_id in {p.path_id for p in outlines} else None
    if path is None:
        return (_paths_html(outlines, progress), gr.Radio(choices=choices, value=None), "", "",
                gr.CheckboxGroup(choices=[], value=[], visible=False), "")
    marks = progress.of(path.path_id)
    return (_paths_html(outlines, progress), gr.Radio(choices=choices, value=path.path_id),
            f"### {render.safe_markdown(path.title)}\n{render.safe_markdown(path.summary)}",
            _progress_text(path, marks),
            gr.CheckboxGroup(choices=[(f"{s.milestone.n}. {s.milestone.title}", s.milestone.n) for s in path.steps],
                             value=sorted(marks & {s.milestone.n for s in path.steps}), visible=True),
            _steps_html(path, marks, paths.cards))


def _progress_text(path: LearningPath, marks: set[int]) -> str:
    total = len(path.steps)
    count = len(marks & {step.milestone.n for step in path.steps})
    return f"**{count} of {total} done**" + (" — the whole path! 🎉" if total and count == total else "")


def _paths_html(paths: list[LearningPath], progress: LearnProgress) -> str:
    """One card per path: title, level, summary, and how far the learner has got."""
    cards = []
    for path in paths:
        count = len(progress.of(path.path_id) & {step.milestone.n for step in path.steps})
        cards.append(
            f"<div class='khub-card khub-learn-path' data-path-id='{html.escape(path.path_id, quote=True)}'>"
            f"<div class='khub-card-head'><b>{html.escape(path.title)}</b> "
            f"<span class='khub-kind'>{html.escape(path.level or 'any level')}</span></div>"
            f"<div class='khub-card-meta'>{html.escape(path.path_id)} · {len(path.steps)} milestones · "
            f"{count} done</div><div class='khub-learn-summary'>{markdown_html(path.summary)}</div></div>")
    if not cards:
        return "<p class='khub-none'>The index holds no learning paths (entries of kind: path).</p>"
    return clean_html("<div class='khub-learn-list'>" + "".join(cards) + "</div>", attributes=LEARN_ATTRIBUTES)


def _steps_html(path: LearningPath, marks: set[int], step_cards) -> str:
    """The path's milestones in order, each marked done or not; the first not done is next, its entries'
    cards open, the others' folded away."""
    next_up = next((step.milestone.n for step in path.steps if step.milestone.n not in marks), None)
    parts = []
    for step in path.steps:
        n, done, is_next = step.milestone.n, step.milestone.n in marks, step.milestone.n == next_up
        badge = " <span class='khub-learn-next'>next</span>" if is_next else ""
        head = clean_html(f"<div class='khub-learn-step'><span class='khub-learn-check'>{'✓' if done else ''}</span> "
                          f"<b>{n}. {html.escape(step.milestone.title)}</b>{badge}</div>", attributes=LEARN_ATTRIBUTES)
        teach = f"{len(step.entries)} archive {'entry' if len(step.entries) == 1 else 'entries'} that teach it"
        # The markup around them holds only a number and khub's own words and classes; the milestone's
        # text and the cards come cleaned from ui/html.py and ui/render.py.
        parts.append(f"<div class='khub-learn-milestone {'khub-learn-done' if done else 'khub-learn-todo'}' "
                     f"data-milestone='{int(n)}'>{head}<div class='khub-learn-text'>"
                     f"{markdown_html(step.milestone.text)}</div><details class='khub-learn-entries'"
                     f"{' open' if is_next else ''}><summary>{teach}</summary>{step_cards(step)}</details></div>")
    return "".join(parts) or "<p class='khub-none'>This path lists no milestones.</p>"


def _cards(searcher: Searcher, step: PathStep) -> str:
    """The entries that teach a milestone, as source cards (ui/render.py), each at its matching passage."""
    passages = teaching_passages(searcher, step)
    if not passages:
        return "<p class='khub-none'>No archive entry teaches this milestone yet.</p>"
    entries = {passage.entry_id: searcher.entry(passage.entry_id) for passage in passages}
    return render.source_cards([Citation(n=i, passage=p) for i, p in enumerate(passages, start=1)], entries)

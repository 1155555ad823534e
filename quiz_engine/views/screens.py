"""Which screen a route shows. The browser shell and the build both call ``render``."""

from __future__ import annotations

from ..base.markup import Markup
from ..run.routing import ABOUT, HOME, INTRO, PRINT, QUESTION, RESTART, RESULTS, Route
from .about import about_screen
from .context import Screen, ViewContext
from .home import home_screen
from .intro import intro_screen, restart_screen
from .layout import frame, not_found
from .printout import print_screen
from .question import question_screen
from .results import results_screen


def screen_for(ctx: ViewContext, route: Route, last_quiz: str = "") -> Screen:
    """The screen for ``route``; anything unknown or not reachable yet is "not found"."""
    quiz = ctx.content.quiz(route.quiz) if route.quiz else None
    play = ctx.plays.get(route.quiz) if quiz else None
    if route.name == HOME:
        return home_screen(ctx, last_quiz)
    if route.name == ABOUT:
        return about_screen(ctx)
    if quiz is not None and route.name == INTRO:
        return intro_screen(ctx, quiz)
    if quiz is not None and route.name == RESTART:
        return restart_screen(ctx, quiz)
    if quiz is not None and play is not None:
        state = play.state
        if route.name == QUESTION and 1 <= route.position <= len(state.path):
            return question_screen(ctx, quiz, play, route.position)
        if route.name == RESULTS and state.finished:
            return results_screen(ctx, quiz, play)
        if route.name == PRINT and state.finished:
            return print_screen(ctx, quiz, play)
    return Screen(ctx.t("notfound.title"), not_found(ctx))


def render(ctx: ViewContext, route: Route, last_quiz: str = "") -> tuple[Screen, Markup]:
    """The screen and the whole page body (frame included) for ``route``."""
    screen = screen_for(ctx, route, last_quiz)
    return screen, frame(ctx, Markup(screen.body))

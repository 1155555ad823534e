"""Reading and checking the content and its catalogues, with located errors. Build, command line
and editor only: the app never imports this package (its modules are not in ``app.zip``)."""

from .loader import check_content, load_content

__all__ = ["check_content", "load_content"]

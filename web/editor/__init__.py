"""What ships in the editor's page (``dist/redaktor/``): its worker and its shell."""

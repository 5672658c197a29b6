"""Learning themes: the taxonomy that joins learning across case reviews, and the
``LearningThemeBlock`` that any page can use to record what was learned."""

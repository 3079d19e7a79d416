"""Behavioural tests: templated one- or two-sentence texts, each a common English way to state
(or pointedly not state) a relation, or a name that is easy to mistype."""

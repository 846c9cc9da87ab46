"""The ids of the article's four archetypes, in the article's order (their data is
`resources/archetypes/<id>.json`, read by `domain.archetypes`). The agreement names archetypes by
these ids without loading their data, so a session can be read without the archetype engine."""

ARCHETYPE_IDS: tuple[str, ...] = ("kundenversteher", "stichwortgeber", "kundenschmeichler", "kreativlinge")

"""The pure model: cards, zones, the board, decks and the archetype engine. Never imports Qt.

Import what you need from its modules (`workshop_app.domain.model`, `.deck`, `.session`, ...): the
package itself loads nothing, so that the app's start loads only what its first paint uses (a
reopened session needs neither the deck nor the archetypes)."""

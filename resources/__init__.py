"""The app's data files (decks, texts, translations, fonts, icons). Not code: this file only makes the
folder a package, so that an installed app finds it through importlib.resources
(`workshop_app.resources`) wherever it is installed."""

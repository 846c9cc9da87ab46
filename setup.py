"""What pyproject.toml cannot say: `resources/` stays at the top of the repository (data a facilitator
edits) and ships inside the package as `workshop_app.resources`, found through importlib.resources."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["workshop_app", "workshop_app.*"]), "workshop_app.resources"],
    package_dir={"workshop_app.resources": "resources"},
    package_data={"workshop_app.resources": ["**/*"]},
    exclude_package_data={"workshop_app.resources": ["__pycache__/*", "*.pyc"]},
)

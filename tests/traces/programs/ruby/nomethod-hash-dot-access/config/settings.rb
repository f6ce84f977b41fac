require 'yaml'

SETTINGS = YAML.safe_load(<<~YML)
  database:
    host: db.internal
    pool: 5
YML

require_relative 'lib/app_config'

cfg = AppConfig.load(ENV.fetch('APP_ENV', 'production'))
puts "starting with #{cfg.size} settings"

require_relative 'config/settings'

puts "connecting to #{SETTINGS.database.host}"

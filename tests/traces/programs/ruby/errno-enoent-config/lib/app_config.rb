require 'yaml'

module AppConfig
  def self.load(env)
    YAML.load_file(File.join('config', "#{env}.yml"))
  end
end

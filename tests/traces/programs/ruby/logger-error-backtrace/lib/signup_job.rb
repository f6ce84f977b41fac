require 'logger'

class SignupJob
  User = Struct.new(:id, :email)
  USERS = { 1 => User.new(1, 'a@example.org') }.freeze

  def initialize(logger)
    @log = logger
  end

  def perform(user_id)
    user = USERS[user_id]
    @log.info("sending welcome mail to #{user.email}")
  rescue StandardError => e
    @log.error("#{e.message} (#{e.class})\n" + e.backtrace.join("\n"))
    raise
  end
end

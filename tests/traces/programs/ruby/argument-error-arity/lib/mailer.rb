class Mailer
  def self.deliver(to, subject, body)
    puts "to=#{to} subject=#{subject} (#{body.size} bytes)"
  end
end

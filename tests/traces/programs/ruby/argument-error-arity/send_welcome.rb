require_relative 'lib/mailer'

%w[ana@example.org li@example.org].each do |addr|
  Mailer.deliver(addr, 'Welcome!')
end

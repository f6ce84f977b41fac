require_relative 'lib/signup_job'

log = Logger.new($stdout)
log.formatter = proc { |sev, time, prog, msg| "#{sev[0]}, [#{time.strftime('%Y-%m-%dT%H:%M:%S.%6N')} ##{Process.pid}] #{sev.rjust(5)} -- #{prog}: #{msg}\n" }
job = SignupJob.new(log)
[1, 2].each { |id| job.perform(id) }

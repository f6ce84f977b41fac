<?php
spl_autoload_register(function (string $class): void {
    $file = __DIR__ . '/../src/' . str_replace(['App\\', '\\'], ['', '/'], $class) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
require __DIR__ . '/../src/Services/ReminderJob.php';

$job = new App\Jobs\ReminderJob();
echo $job->run(['lea@example.com', 'omar@example.com']), " reminders sent\n";

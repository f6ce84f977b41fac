<?php
$pdo = new PDO('pgsql:host=127.0.0.1;dbname=school', 'shop_app', 'Sh0p-dev!', [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

function enroll(PDO $pdo, int $courseId, string $email): void
{
    $pdo->prepare('INSERT INTO enrollments (course_id, student_email) VALUES (?, ?)')->execute([$courseId, $email]);
}

enroll($pdo, 101, 'li.wei@student.example.edu');
enroll($pdo, 201, 'li.wei@student.example.edu');
echo "enrolled\n";

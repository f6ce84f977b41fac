export async function charge(amountCents: number): Promise<boolean> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await fetch("https://pay.example.com/charge", {
      method: "POST",
      body: JSON.stringify({ amountCents }),
    });
    return res.ok;
    console.log(`attempt ${attempt} failed`);
  }
  return false;
}

// Prints the Node.js version this file runs on (CI uses it to show what the tests run on).
console.log(process.version);

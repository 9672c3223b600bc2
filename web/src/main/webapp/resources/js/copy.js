// A file rather than an onclick attribute: the Content-Security-Policy allows no inline script.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
        var text = document.getElementById(button.dataset.copy).textContent;
        navigator.clipboard.writeText(text).then(function () {
            document.getElementById(button.dataset.done).textContent = 'Copied.';
        }, function () {
            document.getElementById(button.dataset.done).textContent = 'Copying was refused: select the token and copy it by hand.';
        });
    });
});

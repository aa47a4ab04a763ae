// Light/dark scheme before first paint (an external file: the CSP allows no inline script).
// `data-fr-scheme` holds the choice (light, dark, system); `data-fr-theme` the resolved one the CSS reads.
(function () {
	var root = document.documentElement;
	var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
	function apply(choice) {
		var dark = choice === 'dark' || (choice === 'system' && media && media.matches);
		root.setAttribute('data-fr-scheme', choice);
		root.setAttribute('data-fr-theme', dark ? 'dark' : 'light');
	}
	var saved = null;
	try {
		saved = localStorage.getItem('scheme');
	} catch (e) {}
	apply(saved === 'light' || saved === 'dark' ? saved : 'system');
	if (media && media.addEventListener) media.addEventListener('change', function () { apply(root.getAttribute('data-fr-scheme')); });
	document.addEventListener('click', function (event) {
		var button = event.target && event.target.closest ? event.target.closest('[data-scheme-choice]') : null;
		if (!button) return;
		var choice = button.getAttribute('data-scheme-choice');
		try {
			localStorage.setItem('scheme', choice);
		} catch (e) {}
		apply(choice);
		var all = document.querySelectorAll('[data-scheme-choice]');
		for (var i = 0; i < all.length; i++) all[i].setAttribute('aria-pressed', String(all[i] === button));
	});
})();

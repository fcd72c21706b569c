"use strict";
// The layout's behaviour (the CSP allows no inline script): mark the navigation link of the page one is on.
document.addEventListener("DOMContentLoaded", () => {
    const path = location.pathname;
    for (const a of document.querySelectorAll(".masthead nav a:not(.lang)")) {
        const href = a.getAttribute("href");
        if (href === path || (href !== "/" && path.startsWith(href + "/"))) a.setAttribute("aria-current", "page");
    }
});

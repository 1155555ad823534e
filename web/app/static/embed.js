// For the page that embeds the app (an intranet page), not for the app itself:
//
//   <iframe src="https://quiz.kommune.no/?embed=1" title="Etikk og roller for folkevalgte"
//           style="width:100%; border:0" height="800"></iframe>
//   <script src="https://quiz.kommune.no/embed.js" async></script>
//
// It sizes every iframe showing the app to the app's content, speaking H5P's iframe-resizer
// protocol (the same as h5p-resizer.js: the frame says "hello", we answer "hello"; it sends
// "prepareResize" with its heights, we set the height and answer "resizePrepared"; it sends
// "resize" with the height it needs; when our window resizes we send "resize" and it asks
// again). Unlike h5p-resizer.js it listens only to the app's origin, the one this file comes
// from (or data-origin="https://…" on the script element), and takes only numbers.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.postMessage || window.folkevalgtEmbedStarted) return;
  // H5P's own resizer is on the page already: it does the same job; two would both act.
  if (window.h5pResizerInitialized) return;
  window.folkevalgtEmbedStarted = true;
  var origin = script.getAttribute("data-origin") || new URL(script.src, location.href).origin;
  var CONTEXT = "h5p";
  var MAX = 100000; // px: anything taller is not a height

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function height(value) {
    return typeof value === "number" && isFinite(value) && value >= 0 && value <= MAX
      ? Math.ceil(value)
      : null;
  }

  var listening = [];

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== "object" || data.context !== CONTEXT) {
      return;
    }
    var iframe = frameOf(event.source);
    if (iframe === null) return;
    var respond = function (action) {
      event.source.postMessage({ context: CONTEXT, action: action }, origin);
    };
    if (data.action === "hello") {
      iframe.style.width = "100%";
      if (listening.indexOf(iframe) < 0) {
        listening.push(iframe);
        window.addEventListener("resize", function () {
          if (iframe.contentWindow) respond("resize");
        });
      }
      respond("hello");
    } else if (data.action === "prepareResize") {
      var scroll = height(data.scrollHeight);
      var client = height(data.clientHeight);
      if (scroll === null || client === null) return;
      if (iframe.clientHeight !== scroll || scroll !== client) {
        iframe.style.height = client + "px";
        respond("resizePrepared");
      }
    } else if (data.action === "resize") {
      var wanted = height(data.scrollHeight);
      if (wanted !== null) iframe.style.height = wanted + "px";
    }
  });
})();

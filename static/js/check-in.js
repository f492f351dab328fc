// The phone check-in page's camera: reads the attendee's QR code with the vendored jsQR and
// puts the code into the look-up form. Without JavaScript, or without a camera (or without
// permission, or over plain http other than localhost), the typed code works the same way.
(function () {
  "use strict";
  function start() {
    var box = document.querySelector("[data-scan]");
    var form = document.querySelector("[data-scan-form]");
    if (!box || !form || typeof window.jsQR !== "function") {
      return;
    }
    var button = box.querySelector("[data-scan-start]");
    var video = box.querySelector("[data-scan-video]");
    var problem = box.querySelector("[data-scan-problem]");
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return; // no camera API: the form alone
    }
    var canvas = document.createElement("canvas");
    var context = canvas.getContext("2d", { willReadFrequently: true });
    var stream = null;
    button.hidden = false;

    function stop() {
      if (stream) {
        stream.getTracks().forEach(function (t) { t.stop(); });
        stream = null;
      }
      video.hidden = true;
    }

    // A code may come bare ("42-ABCD-EFGH") or, from another reader, as a link with ?code=.
    function codeOf(text) {
      var m = /[?&]code=([^&#]+)/.exec(text);
      return (m ? decodeURIComponent(m[1]) : text).trim();
    }

    function tick() {
      if (!stream) {
        return;
      }
      if (video.readyState === video.HAVE_ENOUGH_DATA && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        if (found && found.data) {
          stop();
          form.elements.code.value = codeOf(found.data);
          form.submit();
          return;
        }
      }
      window.requestAnimationFrame(tick);
    }

    button.addEventListener("click", function () {
      problem.hidden = true;
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          video.hidden = false;
          return video.play();
        })
        .then(function () { window.requestAnimationFrame(tick); })
        .catch(function () {
          stop();
          problem.hidden = false;
        });
    });
    window.addEventListener("pagehide", stop);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

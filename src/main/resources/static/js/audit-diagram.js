// The audit page's process diagrams: bpmn-js draws each instance's BPMN, marks the elements the instance passed
// and shows how many times, from /audit/instances/{id}/diagram.
(function () {
  document.querySelectorAll('.audit-diagram').forEach(function (box) {
    var failed = function () {
      box.textContent = box.dataset.failed;
      box.dataset.ready = 'failed';
    };
    fetch(box.dataset.src, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (diagram) {
        var viewer = new BpmnJS({container: box});
        return viewer.importXML(diagram.xml).then(function () {
          var canvas = viewer.get('canvas');
          var overlays = viewer.get('overlays');
          var elements = viewer.get('elementRegistry');
          Object.keys(diagram.counts).forEach(function (id) {
            if (!elements.get(id)) {
              return;
            }
            canvas.addMarker(id, 'audit-taken');
            var badge = document.createElement('span');
            badge.className = 'audit-count';
            badge.textContent = String(diagram.counts[id]);
            overlays.add(id, 'audit-count', {position: {top: -12, right: 8}, html: badge});
          });
          canvas.zoom('fit-viewport');
          box.dataset.ready = 'true';
        });
      })
      .catch(failed);
  });
})();

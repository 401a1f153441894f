/* The console's tables read as cards below 768 px (console.css, docs/adr/0107): every body cell is given the
   name of its column in data-label, taken from the table's own header, so a card shows "档号  0001-…" lines.
   A cell that already names itself (data-label in the markup) keeps its own. Runs on load and after every
   htmx swap. */
(function () {
  'use strict';

  function columnNames(table) {
    var head = table.tHead;
    if (!head || head.rows.length === 0) {
      return null;
    }
    var row = head.rows[head.rows.length - 1];
    var names = [];
    for (var i = 0; i < row.cells.length; i++) {
      var cell = row.cells[i];
      var text = (cell.getAttribute('data-label') || cell.textContent || '').replace(/\s+/g, ' ').trim();
      for (var span = 0; span < (cell.colSpan || 1); span++) {
        names.push(text);
      }
    }
    return names;
  }

  function labelTable(table) {
    var names = columnNames(table);
    if (!names) {
      return;
    }
    for (var b = 0; b < table.tBodies.length; b++) {
      var rows = table.tBodies[b].rows;
      for (var r = 0; r < rows.length; r++) {
        var column = 0;
        var cells = rows[r].cells;
        for (var c = 0; c < cells.length; c++) {
          var cell = cells[c];
          if (!cell.hasAttribute('data-label') && (cell.colSpan || 1) === 1 && names[column]) {
            cell.setAttribute('data-label', names[column]);
          }
          column += cell.colSpan || 1;
        }
      }
    }
  }

  function labelAll() {
    var tables = document.querySelectorAll('table.table');
    for (var i = 0; i < tables.length; i++) {
      labelTable(tables[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', labelAll);
  } else {
    labelAll();
  }
  document.addEventListener('htmx:afterSettle', labelAll);
})();

# gdbench figure (convergence): quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]: convergence in iterations
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat
# render: gnuplot convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.gp  (writes convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.png'
set encoding utf8
set datafile missing '?'
set title 'quadratic[d=2,kappa=10,minimizer=zero,rotation=none,spectrum=linear]:' . "\n" . 'convergence in iterations'
set xlabel 'iterations'
set ylabel 'f − f* (median, interquartile band)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#009E73' lw 2 dt 1 pt 7 ps 0.8
set linetype 3 lc rgb '#CC79A7' lw 2 dt 2 pt 5 ps 0.8
set linetype 4 lc rgb '#F0E442' lw 2 dt 2 pt 5 ps 0.8
set key outside below center horizontal Left reverse maxcols 2 samplen 2.5 spacing 1.1 font ',10'
set logscale y
set format y '10^{%L}'
set style fill transparent solid 0.18 noborder
plot 'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 0 using 1:3:4 with filledcurves lt 1 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 0 using 1:2 with lines lt 1 title 'nesterov-constant', \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 4 using 1:2 with points lt 1 pt 7 ps 1 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 1 using 1:3:4 with filledcurves lt 2 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 1 using 1:2 with lines lt 2 title 'newton', \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 5 using 1:2 with points lt 2 pt 7 ps 1 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 2 using 1:3:4 with filledcurves lt 3 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 2 using 1:2 with lines lt 3 title 'sgd[lr=0.18]', \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 6 using 1:2 with points lt 3 pt 7 ps 1 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 3 using 1:3:4 with filledcurves lt 4 notitle, \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 3 using 1:2 with lines lt 4 title 'sgd[lr=1/L]', \
     'convergence-iterations-quadratic-d-2-kappa-10-minimizer-zero-rotation-none-spectrum.dat' index 7 using 1:2 with points lt 4 pt 7 ps 1 notitle

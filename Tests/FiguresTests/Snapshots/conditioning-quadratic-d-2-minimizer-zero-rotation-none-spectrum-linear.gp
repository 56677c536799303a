# gdbench figure (conditioning): quadratic[d=2,minimizer=zero,rotation=none,spectrum=linear]: iterations to 1e-06 against κ
# from suite fixture, run run, gdbench 0.1.0 (fixture), seed 0000000000000001
# data: conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.dat
# render: gnuplot conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.gp  (writes conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.png)
set terminal pngcairo size 800,600 enhanced font 'DejaVu Sans,11' linewidth 1.2
set output 'conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.png'
set encoding utf8
set datafile missing '?'
set title 'quadratic[d=2,minimizer=zero,rotation=none,spectrum=linear]: iterations to 1e-06 against κ'
set xlabel 'condition number κ'
set ylabel 'iterations to target (median)'
set grid xtics ytics mxtics mytics lc rgb '#e0e0e0' lw 1, lc rgb '#f0f0f0' lw 0.5
set border 3 lw 1
set tics nomirror out scale 0.6
set linetype 1 lc rgb '#D55E00' lw 2 dt 1 pt 7 ps 0.8
set linetype 2 lc rgb '#F0E442' lw 2 dt 2 pt 5 ps 0.8
set linetype 3 lc rgb '#009E73' lw 2 dt 1 pt 7 ps 0.8
set linetype 4 lc rgb '#E69F00' lw 2 dt 1 pt 7 ps 0.8
set key outside below center horizontal Left reverse maxcols 1 samplen 2.5 spacing 1.1 font ',10'
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
set offsets graph 0.02, graph 0.02, graph 0.05, graph 0.05
k0 = 10; i0 = 35.160346983498336
set linetype 3 lc rgb '#777777' lw 1.5 dt 2
set linetype 4 lc rgb '#777777' lw 1.5 dt 3
plot 'conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.dat' index 0 using 1:2 with linespoints lt 1 title 'nesterov-constant: p = 0.46 [0.22, 0.69], theory 0.5', \
     'conditioning-quadratic-d-2-minimizer-zero-rotation-none-spectrum-linear.dat' index 1 using 1:2 with linespoints lt 2 title 'sgd[lr=1/L]: p = 0.91 [0.75, 1.07], theory 1', \
     i0*(x/k0) with lines lt 3 title 'slope 1 (κ)', \
     i0*sqrt(x/k0) with lines lt 4 title 'slope ½ (√κ)'
